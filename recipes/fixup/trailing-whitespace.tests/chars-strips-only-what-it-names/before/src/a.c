int x;  
	

int x;
	

let greeting = "hello"   
	
func main() {	
    print(greeting) 
}
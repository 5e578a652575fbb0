func other(client: ChatClient, user: User) {
    client.send("hi", cc: user)            // other labels
    client.send("hi")                      // fewer arguments
    send("hi", to: user)                   // no receiver: not this shape
    client.send("hi", to: user) { _ in }   // trailing closure
    print("client.send(message, to: user)")
}

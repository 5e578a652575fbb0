class Router:
    def __init__(self):
        self.routes = {}

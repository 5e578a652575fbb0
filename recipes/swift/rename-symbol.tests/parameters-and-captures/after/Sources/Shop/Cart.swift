// Renaming a property also renames the parameters spelt like it and their uses, so
// `self.item = item` still compiles; argument labels (API) stay.
struct Cart {
    var entry: Item

    init(item entry: Item) {
        self.entry = entry
    }

    func replacing(with entry: Item) -> Cart { Cart(item: entry) }

    subscript(entry: Int) -> Int { entry }

    var current: Item {
        get { entry }
        set(entry) { self.entry = entry }
    }

    func names(_ items: [Item]) -> [String] {
        items.map { entry in entry.name } + items.map { (entry: Item) in entry.name }
    }

    func later() -> () -> String {
        { [entry] in entry.name }
    }
}

protocol Pricing {
    func price(item: Item) -> Int
}

let cart = Cart(item: Item(name: "tea"))

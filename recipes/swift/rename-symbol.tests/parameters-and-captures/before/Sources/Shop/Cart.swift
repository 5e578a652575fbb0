// Renaming a property also renames the parameters spelt like it and their uses, so
// `self.item = item` still compiles; argument labels (API) stay.
struct Cart {
    var item: Item

    init(item: Item) {
        self.item = item
    }

    func replacing(with item: Item) -> Cart { Cart(item: item) }

    subscript(item: Int) -> Int { item }

    var current: Item {
        get { item }
        set(item) { self.item = item }
    }

    func names(_ items: [Item]) -> [String] {
        items.map { item in item.name } + items.map { (item: Item) in item.name }
    }

    func later() -> () -> String {
        { [item] in item.name }
    }
}

protocol Pricing {
    func price(item: Item) -> Int
}

let cart = Cart(item: Item(name: "tea"))

fn main() {
    println!("acme-cli {}", env!("CARGO_PKG_VERSION"));
}

import UIKit

final class CheckoutController: UIViewController {
    var cart: Cart?
    var address: Address?
    var payment: PaymentMethod?
    var coupon: Coupon?

    func submit() {
        guard let cart = cart, let address = address, let payment = payment, let coupon = coupon else {
            return
        }
        send(cart, address, payment, coupon)
    }

    func summary() -> String? {
        guard let cart = cart,
              !cart.items.isEmpty,
              let address = address,
              var payment = payment
        else {
            return nil
        }
        payment.mask()
        return "\(cart.items.count) items to \(address.city) via \(payment)"
    }

    func preview() {
        if let cart = cart, cart.total > 0, let coupon = coupon {
            apply(coupon, to: cart)
        }
        if isViewLoaded,
           let address = address,
           let payment = payment {
            render(address, payment)
        }
        /* if let cart = cart, let coupon = coupon { } stays in this comment */
        let note = "if let a = a, let b = b {"
        if let cart = cart, let total = cart.total as Decimal?, let coupon = coupon {
            print(note, cart, total, coupon)
        }
    }
}

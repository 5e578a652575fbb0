from django.test import TestCase

from orders.models import Order


class OrderViewTests(TestCase):
    fixtures = ["orders.json"]

    def test_list_shows_every_order(self):
        response = self.client.get("/orders/")
        names = [o.name for o in response.context["orders"]]
        self.assertItemsEqual(names, ["first", "second"])
        self.assertRegexpMatches(response.content.decode(), r"<h1>Orders \(2\)</h1>")
        self.assertNotRegexpMatches(response.content.decode(),
                                    r"assertRegexpMatches\(")

    def test_bad_id(self):
        with self.assertRaisesRegexp(Order.DoesNotExist, "matching query"):
            Order.objects.get(pk=999)
        self.assertRaisesRegexp(ValueError, "invalid literal",
                                int, "abc")

    def test_totals(self):
        for order in Order.objects.all():
            if order.total:
                self.failIfAlmostEqual(order.total, 0.0, places=2)
                self.assertNotAlmostEquals(order.tax, -1.0)

import unittest
from unittest import mock

# Python 3.12 removed self.assertEquals(...) and self.failUnless(...).
LEGACY = "self.assertItemsEqual(a, b) -> self.assertCountEqual(a, b)"


def assertEquals(a, b):
    """A module-level helper, not a TestCase method: self.assertEquals( stays."""
    assert a == b, (a, b)


class ClientTest(unittest.TestCase):
    def test_retries(self):
        sleep = mock.Mock()
        client = mock.Mock()
        client.fetch.return_value = "ok"
        self.assertEqual(client.fetch(), "ok")
        sleep.assert_not_called()
        client.fetch.assert_called_with()
        self.assertCountEqual([1, 2], [2, 1])
        self.assertRegex("v1.2", r"^v\d")
        with self.assertRaisesRegex(ValueError, "bad"):
            raise ValueError("bad input")
        assertEquals(1, 1)

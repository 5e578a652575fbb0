"""Tests for the tokenizer.

Older revisions of this file used self.assertEquals(a, b) everywhere; the
docstring keeps that spelling on purpose.
"""
import unittest
from unittest import mock

from shop.tokenizer import Token, tokenize


class TokenizerTest(unittest.TestCase):
    def test_words(self):
        tokens = tokenize("buy 3 apples")
        self.assertEqual(len(tokens), 3)
        self.assertNotEqual(tokens[0], tokens[1])
        self.assertEqual(tokens[2].text, "apples")  # already modern

    def test_numbers(self):
        token = tokenize("3.25")[0]
        self.assertAlmostEqual(token.value, 3.25, places=2)
        self.assertTrue(token.is_number)
        self.assertTrue(token.value > 0, "self.assertEquals(x) in a message stays")
        self.assertFalse(token.is_word)

    def test_empty(self):
        # self.failUnlessEqual(tokenize(""), []) was the Python 2.6 spelling
        self.assertEqual(tokenize(""), [])
        with self.assertRaises(TypeError):
            tokenize(None)

    def test_logging(self):
        logger = mock.Mock()
        tokenize("x", logger=logger)
        logger.debug.assert_called_once_with("tokenizing %r", "x")
        self.assertDictContainsSubset({"x": 1}, logger.counts)


if __name__ == "__main__":
    unittest.main()

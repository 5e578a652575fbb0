from setuptools import setup

setup(name="acme", license="Apache-2.0")

def main():
    print("trailing spaces inside a string:   ")


if __name__ == "__main__":
    main()

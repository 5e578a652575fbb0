import SparkdCLI

await Sparkd.main()

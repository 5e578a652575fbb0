import SparkdCLI

await Sparkd.runMain()

import SparkCLI

await Sparkctl.runMain()

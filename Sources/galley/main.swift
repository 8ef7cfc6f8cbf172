import GalleyCLI

GalleyCommand.runMain()

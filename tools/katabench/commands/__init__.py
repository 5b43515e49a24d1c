"""One module per `kata` subcommand; each exposes `run(args) -> exit code`."""

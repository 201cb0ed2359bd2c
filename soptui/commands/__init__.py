"""One module per ``soptui`` subcommand; each imports its heavy parts lazily."""

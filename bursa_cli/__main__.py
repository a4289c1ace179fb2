from .cli.app import main

# Guarded: a worker started with the `spawn` method (Windows) imports this module again.
if __name__ == "__main__":
    main()

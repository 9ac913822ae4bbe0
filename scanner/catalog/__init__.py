"""The catalog: regulations with their provisions, and rule packs mapped onto them."""

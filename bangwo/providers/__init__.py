"""Providers: the one door through which catalogues and fulfilment come into bangwo."""

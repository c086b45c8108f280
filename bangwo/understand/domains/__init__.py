"""Rules of the booking domains (movie, flight, hotel); food and grocery share the item rules in parser.py."""

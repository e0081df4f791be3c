"""claimgraph: a ledger of claims from war and crisis reporting."""

__version__ = "0.1.0"

#!/usr/bin/env python
from policyshare.cli import main

if __name__ == "__main__":
    main()

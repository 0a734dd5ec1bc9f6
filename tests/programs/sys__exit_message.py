# sys.exit with a message: written to stderr, exit status 1.
import sys

print("checking the config")
config = {"port": 0}
if not config["port"]:
    sys.exit(f"fatal: no port in {config}")
print("never printed")

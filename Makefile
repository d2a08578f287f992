# Conveniences over ./dev, which does the work (and installs what is missing).
.PHONY: bench test build serve

bench:
	./dev bench $(ARGS)

test:
	./dev test

build:
	./dev build

serve:
	./dev serve

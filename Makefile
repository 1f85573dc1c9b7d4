# The README's commands. Each one sets up what it needs on a fresh Debian machine with Python 3.11.
VENV    ?= .venv
PYTHON  := $(VENV)/bin/python
SITE    ?= site
CONFIG  ?= mkdocs.yml
ADDR    ?= 127.0.0.1:8000
CHROMIUM ?= /usr/bin/chromium
NGINX    ?= /usr/sbin/nginx
JAVA     ?= /usr/bin/java
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks

.PHONY: serve build check install-hook report test bench lighthouse clean

$(VENV)/.build-deps: requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.build-deps
	$(PYTHON) -m pip install --quiet -r requirements-test.txt
	touch $@

# The browser tests drive Debian's Chromium (Playwright's own browser download needs a network CI lacks);
# the security-header test serves the site with Debian's nginx; the HTML checker (vnu) runs on Java.
$(CHROMIUM) $(NGINX) $(JAVA):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium nginx default-jre-headless

# axe-core and the Nu HTML Checker, at the versions package-lock.json pins.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## serve: build the portal and serve it on http://127.0.0.1:8000/ (rebuilds when docs/ or data/ change)
# The preview's site folder (a temporary folder MkDocs makes) is put in memory where the system has
# a tmpfs: on a disk that is slow with many small files that is about a second of every rebuild
# (bench/README.md, "edit visible under make serve").
SERVE_TMP := $(shell [ -w /dev/shm ] && echo /dev/shm || echo $${TMPDIR:-/tmp})
serve: $(VENV)/.build-deps
	TMPDIR=$(SERVE_TMP) $(PYTHON) -m mkdocs serve --strict --dev-addr $(ADDR)

## build: build the site into site/ atomically; a failed build leaves the previous site/ untouched
##        and deletes what it had written
build: $(VENV)/.build-deps
	rm -rf $(SITE).new
	$(PYTHON) -m mkdocs build --strict --config-file $(CONFIG) --site-dir $(SITE).new || { rm -rf $(SITE).new; exit 1; }
	rm -rf $(SITE).old; [ ! -d $(SITE) ] || mv $(SITE) $(SITE).old
	mv $(SITE).new $(SITE); rm -rf $(SITE).old

## check: check all data (schemas, references, languages, budgets, wrong-language text, terminology) in seconds
check: $(VENV)/.build-deps
	$(PYTHON) -m portal check

## install-hook: run `make check` before every commit in this clone (a plain git hook; or use pre-commit)
install-hook:
	printf '#!/bin/sh\n# Installed by `make install-hook`: check the data before each commit.\nexec make check\n' > .git/hooks/pre-commit
	chmod +x .git/hooks/pre-commit

## report: compile a plan's implementation report as of a date, in every language, into reports/
##         make report PLAN=haiphong-2019 DATE=2019-06-15
report: $(VENV)/.build-deps
	@test -n "$(PLAN)" -a -n "$(DATE)" || { echo "Usage: make report PLAN=<plan id> DATE=<YYYY-MM-DD>"; exit 2; }
	$(PYTHON) -m portal report $(PLAN) $(DATE) --out reports

## test: install the test tools (Python packages, Chromium, nginx, Java, axe-core, vnu) and run the whole test suite
test: $(VENV)/.test-deps $(CHROMIUM) $(NGINX) $(JAVA) node_modules/.installed
	PORTAL_CHROMIUM=$(CHROMIUM) $(PYTHON) -m pytest

## bench: how the build grows with the database: N records per language, against Hugo (bench/scale.py)
##        make bench SIZES="200 1000 2000" RUNS=3
SIZES ?= 200 1000 2000
RUNS  ?= 3
bench: $(VENV)/.build-deps
	$(PYTHON) -m pip install --quiet -r bench/requirements.txt
	$(PYTHON) bench/scale.py $(SIZES) --runs $(RUNS)

## lighthouse: Lighthouse (mobile) scores of the published site, a row per page (bench/lighthouse.py)
lighthouse: $(VENV)/.build-deps $(CHROMIUM) $(NGINX)
	$(PYTHON) bench/lighthouse.py

clean:
	rm -rf $(SITE) $(SITE).new $(SITE).old .build .pytest_cache reports test-results

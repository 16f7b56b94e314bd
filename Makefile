# The questionnaire's commands, each delegating to the Maven wrapper (JDK 17 or newer on PATH; nothing else).
#   make compile    compile every module
#   make test-bor   the BOR tests (their SORs run in-process on an embedded PostgreSQL: no database or Docker needed)
#   make test-sor   the SOR tests (embedded PostgreSQL too; TEST_DB_HOST=… uses an external one)
#   make test       the whole suite, as CI runs it
#   make run        build, then every function in one JVM with an embedded PostgreSQL (local launcher)
MVNW ?= ./mvnw
# Modules that the BOR/SOR tests need are built with -am; -Dtest keeps their own suites out.
TEST_ONLY = -Dsurefire.failIfNoSpecifiedTests=false

.PHONY: help compile test-bor test-sor test run

help:
	@sed -n 's/^#   make /make /p' $(firstword $(MAKEFILE_LIST))

compile:
	$(MVNW) -q test-compile

test-bor:
	$(MVNW) -pl bor -am verify -Dtest='dev.pyrofn.bor.**' $(TEST_ONLY)

test-sor:
	$(MVNW) -pl sor -am verify -Dtest='dev.pyrofn.sor.**' $(TEST_ONLY)

test:
	$(MVNW) clean verify

run:
	$(MVNW) -q -DskipTests package
	java -jar local/target/pyrofn-local.jar

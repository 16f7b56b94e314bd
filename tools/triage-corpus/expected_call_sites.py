#!/usr/bin/env python3
"""Expected call sites of the labelled triage corpus, computed from the collapsed stacks alone.

Independent of the product's code on purpose: its own list of frames per diagnosis, its own idea of an
application frame, its own walk over each stack. The product's triage must name one of these call sites for the
expected diagnosis (TriageCorpusTest asserts it for >= 90% of the samples listed here).

For every sample whose label names a diagnosis with a call site (not healthy, not GC / JIT / idle, whose cost
never arrives through application code):
  - inclusive diagnoses: in each stack, find the outermost frame of the diagnosis; its call site is the nearest
    application frame above it; the stack's count goes to that call site;
  - leaf diagnoses (lock profiles, allocation pressure, cpu_bound): the call site is the nearest application frame
    at or above the leaf;
  - rank call sites by cost and keep the smallest prefix that covers 80% of the attributed cost (at most 5).
Stacks under a pool's getTask / event-loop wait before any application frame are idle, never a call site.

Usage: expected_call_sites.py CORPUS_DIR > CORPUS_DIR/expected-call-sites.tsv
Output: one line per sample: name <TAB> diagnosis <TAB> call sites separated by ' | ' (largest first).
"""
import os
import re
import sys

# Frames that prove each diagnosis (dotted names, matched at the start of a name segment or as a whole class).
FRAMES = {
    "regex_compilation": [r"java\.util\.regex\.Pattern\.(compile|<init>)$"],
    "exception_overhead": [r"java\.lang\.Throwable\.(fillInStackTrace|<init>)$", r"java\.lang\.StackTraceElement\."],
    "reflection_overhead": [r"java\.lang\.Class\.(getMethod|getDeclaredMethod|getMethods|getDeclaredMethods|forName|getField|getDeclaredField)",
                            r"java\.lang\.reflect\.Method\.invoke$", r"jdk\.internal\.reflect\."],
    "boxing_overhead": [r"java\.lang\.(Integer|Long|Double|Float|Short|Byte|Character|Boolean)\.(valueOf|<init>)$"],
    "string_building": [r"java\.lang\.(AbstractStringBuilder|StringBuilder|StringConcatHelper)\.",
                        r"java\.lang\.String\.(format|concat|join)$", r"java\.util\.Formatter\."],
    "collection_resizing": [r"java\.util\.(HashMap\.resize|ArrayList\.grow|ArrayDeque\.grow|HashSet\.add|ArrayList\.add)$",
                            r"java\.util\.concurrent\.ConcurrentHashMap\.transfer$", r"java\.util\.Arrays\.copyOf$"],
    "serialization_overhead": [r"com\.fasterxml\.jackson\.", r"java\.io\.Object(Output|Input)Stream\.", r"com\.google\.gson\."],
    "logging_overhead": [r"java\.util\.logging\.", r"ch\.qos\.logback\.", r"org\.apache\.logging\.log4j\."],
    "crypto_overhead": [r"java\.security\.(MessageDigest|Signature|SecureRandom)", r"javax\.crypto\.", r"sun\.security\.",
                        r"com\.sun\.crypto\.provider\."],
    "thread_waiting": [r"java\.lang\.Thread\.(sleep|sleep0|join)$", r"java\.lang\.Object\.(wait|wait0)$",
                       r"java\.util\.concurrent\.locks\.LockSupport\.park"],
    "lock_contention": [r"java\.util\.concurrent\.locks\.(ReentrantLock|AbstractQueuedSynchronizer|ReentrantReadWriteLock)",
                        r"ObjectMonitor::", r"ObjectSynchronizer::"],
}
# Diagnoses judged on the leaf (every sample of the profile is the problem, or its hottest site is).
LEAF = {"allocation_pressure", "cpu_bound"}
LEAF_TYPES = {"lock"}
# Diagnoses whose cost never arrives through application code: no call site expected.
NO_CALL_SITE = {"healthy", "gc_pressure", "jit_overhead", "idle_time", "class_loading"}

NOT_APPLICATION = ("java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "scala.", "io.vertx.", "io.netty.",
                   "com.fasterxml.", "org.springframework.", "org.apache.", "ch.qos.", "org.slf4j.", "io.micrometer.",
                   "com.google.", "io.grpc.", "org.hibernate.", "one.profiler.")
IDLE = ("java.util.concurrent.ThreadPoolExecutor.getTask", "java.util.concurrent.ForkJoinPool.awaitWork",
        "sun.nio.ch.EPollSelectorImpl.doSelect", "io.netty.channel.nio.NioEventLoop.select")
COVERAGE = 0.8
MAX_SITES = 5


def is_application(frame):
    if re.match(r"^[\w+\-]+\.so(\.\d+)*[.`]", frame) or frame.startswith(".") or "::" in frame:
        return False
    dotted = frame.replace("/", ".")
    if "." not in dotted or " " in dotted or dotted.startswith("_") or dotted.startswith("["):
        return False
    if "$$Lambda" in dotted or "LambdaForm$" in dotted or "GeneratedMethodAccessor" in dotted:
        return False
    return not dotted.startswith(NOT_APPLICATION)


def is_idle(frame):
    return frame.replace("/", ".") in IDLE


def read_label(path):
    label = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                label[key.strip()] = value.strip()
    return label


def stacks(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            stack, count = line.rsplit(" ", 1)
            frames = [fr for fr in stack.split(";") if fr]
            if frames and frames[0].startswith("[") and frames[0].endswith("]"):
                frames = frames[1:]
            yield frames, int(count)


def caller_above(frames, index):
    """Nearest application frame strictly above frames[index]; None when idle or there is none."""
    for j in range(index - 1, -1, -1):
        if is_idle(frames[j]):
            return None
        if is_application(frames[j]):
            return frames[j]
    return None


def cost_by_call_site(path, diagnosis, leaf):
    patterns = [re.compile(p) for p in FRAMES.get(diagnosis, [])]
    costs = {}
    for frames, count in stacks(path):
        if not frames:
            continue
        if leaf:
            last = len(frames) - 1
            site = frames[last] if is_application(frames[last]) and not is_idle(frames[last]) else caller_above(frames, last)
            if diagnosis == "cpu_bound" and not is_application(frames[last]):
                site = None
        else:
            site = None
            for i, frame in enumerate(frames):
                if any(p.search(frame.replace("/", ".")) for p in patterns):
                    site = caller_above(frames, i)
                    break
        if site is not None:
            costs[site] = costs.get(site, 0) + count
    return costs


def expected_sites(costs):
    ranked = sorted(costs.items(), key=lambda kv: (-kv[1], kv[0]))
    attributed = sum(costs.values())
    kept, covered = [], 0
    for site, cost in ranked:
        if len(kept) == MAX_SITES or covered >= COVERAGE * attributed:
            break
        kept.append(site)
        covered += cost
    return kept


def main(corpus):
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".label.properties"):
            continue
        sample = name[: -len(".label.properties")]
        label = read_label(os.path.join(corpus, name))
        diagnosis = label["expected"]
        if diagnosis in NO_CALL_SITE:
            continue
        profile_type = label["type"]
        leaf = diagnosis in LEAF or profile_type in LEAF_TYPES
        costs = cost_by_call_site(os.path.join(corpus, f"{sample}.{profile_type}.collapsed"), diagnosis, leaf)
        sites = expected_sites(costs)
        if sites:
            print(f"{sample}\t{diagnosis}\t{' | '.join(sites)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "analysis/src/test/resources/triage-corpus")

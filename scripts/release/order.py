"""Writes the link order of s3x's functions from callgrind profiles of representative runs.

Usage: order.py BINARY_NAME OUT CALLGRIND_FILE...

Every function the profiles saw run in BINARY_NAME (the executable's file name) is listed, hottest
first (by instructions run in it), one mangled name per line: lld's --symbol-ordering-file then
places them side by side at the start of .text, so the code a run touches fills few pages instead
of being spread over the whole 16 MB of Swift's runtime, Foundation and s3x. Names missing from a
later build are ignored by the linker; functions missing from the list keep their default place.
"""

import collections
import re
import sys

NAMED = re.compile(r"\((\d+)\)(?: (.*))?$")


def resolve(table, value):
    """Callgrind's name compression: "(id) name" defines an id, "(id)" refers to one."""
    match = NAMED.match(value)
    if not match:
        return value
    ident, name = match.groups()
    if name:
        table[ident] = name
    return table.get(ident, "")


def self_costs(path, binary, costs):
    objects, functions = {}, {}
    current_object = current_function = ""
    after_calls = False
    with open(path, errors="replace") as profile:
        for raw in profile:
            line = raw.rstrip("\n")
            if after_calls:
                # The cost line that follows calls= is the callee's inclusive cost, not this function's.
                after_calls = False
                continue
            key, _, value = line.partition("=")
            if key == "ob":
                current_object = resolve(objects, value)
            elif key == "fn":
                current_function = resolve(functions, value)
            elif key == "cob":
                resolve(objects, value)
            elif key == "cfn":
                resolve(functions, value)
            elif key == "calls":
                after_calls = True
            elif line[:1].isdigit() or line[:1] in "+-*":
                if current_object.endswith("/" + binary) and current_function:
                    fields = line.split()
                    if len(fields) >= 2 and fields[1].isdigit():
                        costs[current_function] += int(fields[1])


def main():
    binary, out, profiles = sys.argv[1], sys.argv[2], sys.argv[3:]
    costs = collections.Counter()
    for path in profiles:
        self_costs(path, binary, costs)
    names = collections.OrderedDict()
    for name, _ in costs.most_common():
        # Callgrind marks recursion levels ("name'2"); symbols without a name are addresses.
        name = re.sub(r"'\d+$", "", name)
        if name and not name.startswith(("0x", "(")):
            names.setdefault(name, None)
    with open(out, "w") as handle:
        handle.write("# s3x's functions in link order, hottest first: written by scripts/gen-order\n")
        for name in names:
            handle.write(name + "\n")
    print(f"{len(names)} functions", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Prints every failed test from the .trx files under a folder, so the end of a long CI log says what failed."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(folder: str) -> int:
    failed = 0
    for trx in sorted(pathlib.Path(folder).rglob("*.trx")):
        root = ET.parse(trx).getroot()
        for result in root.iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") != "Failed":
                continue
            failed += 1
            message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
            stack = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=NS).strip()
            print(f"FAILED {result.get('testName')} ({result.get('duration')}) in {trx.name}")
            for line in message.splitlines()[:40]:
                print(f"    {line}")
            for line in stack.splitlines()[:6]:
                print(f"    {line}")
    print(f"failed tests: {failed}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

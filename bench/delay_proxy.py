#!/usr/bin/env python3
"""A delaying HTTP proxy on loopback: every request waits DELAY seconds, then goes to the emulator.

It stands for AWS-like latency (real IAM and STS calls take about 100 ms) in front of moto. One
request per client connection: the reply is passed back as the emulator sent it (moto closes
every connection), so clients see exactly the emulator's answers, only later. It counts the
requests and writes the count to COUNT_FILE on every request.

    delay_proxy.py --listen PORT --upstream http://127.0.0.1:MOTO_PORT --delay 0.1 --count-file F
"""
import argparse
import asyncio

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--listen", type=int, required=True)
parser.add_argument("--upstream", required=True)
parser.add_argument("--delay", type=float, default=0.1)
parser.add_argument("--count-file")
args = parser.parse_args()
if not args.upstream.startswith("http://127."):
    raise SystemExit("delay_proxy.py only forwards to an emulator on loopback")
upstream_host, upstream_port = args.upstream[len("http://"):].rstrip("/").split(":")
count = 0


async def read_request(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    body = await reader.readexactly(length) if length else b""
    return head + body


async def handle(client_reader, client_writer):
    global count
    try:
        request = await read_request(client_reader)
        count += 1
        if args.count_file:
            with open(args.count_file, "w") as handle:
                handle.write(f"{count}\n")
        await asyncio.sleep(args.delay)
        reader, writer = await asyncio.open_connection(upstream_host, int(upstream_port))
        writer.write(request)
        await writer.drain()
        while chunk := await reader.read(65536):
            client_writer.write(chunk)
        writer.close()
        await client_writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        client_writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", args.listen, backlog=1024)
    async with server:
        await server.serve_forever()


asyncio.run(main())

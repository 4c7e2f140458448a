"""A name server for bench/many-hosts.sh: answers every A query with 127.0.0.1 and every other
query (AAAA) with no answer, each after DELAY seconds (the first argument, default 0.05), many at
once, on 127.0.0.1:53 over UDP, as a name server a network away would."""
import asyncio
import struct
import sys

DELAY = float(sys.argv[1]) if len(sys.argv) > 1 else 0.05


class SlowNameServer(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        asyncio.get_running_loop().create_task(self.answer(data, addr))

    async def answer(self, query, addr):
        await asyncio.sleep(DELAY)
        if len(query) < 17:
            return
        qid = struct.unpack(">H", query[:2])[0]
        end = 12
        while end < len(query) and query[end] != 0:  # the question's name, label by label
            end += query[end] + 1
        qtype = struct.unpack(">H", query[end + 1:end + 3])[0]
        question = query[12:end + 5]
        if qtype == 1:  # A: 127.0.0.1, for 60 s
            header = struct.pack(">HHHHHH", qid, 0x8180, 1, 1, 0, 0)
            answer = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 60, 4) + bytes([127, 0, 0, 1])
        else:
            header = struct.pack(">HHHHHH", qid, 0x8180, 1, 0, 0, 0)
            answer = b""
        self.transport.sendto(header + question + answer, addr)


async def main():
    await asyncio.get_running_loop().create_datagram_endpoint(SlowNameServer, local_addr=("127.0.0.1", 53))
    await asyncio.Event().wait()


asyncio.run(main())

"""A local SMTP server that accepts every mail and counts it: for `make bench-mail` and tests.

Speaks just enough SMTP for Django's SMTP backend without TLS or login (EHLO/HELO,
MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps, per message, its recipients and its
Message-ID. `delay` holds each DATA answer back, like a slow relay. Runs its asyncio
loop in a thread of the caller, or alone: `python scripts/smtp_sink.py PORT`.
"""

import asyncio
import re
import sys
import threading
import time

MESSAGE_ID = re.compile(rb"^Message-ID:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


class SmtpSink:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, delay: float = 0.0):
        self.host, self.port, self.delay = host, port, delay
        self.received: list[tuple[tuple[str, ...], str]] = []  # (recipients, Message-ID)
        self.connections = 0
        self._loop = asyncio.new_event_loop()
        self._thread = None

    def start(self) -> "SmtpSink":
        ready = threading.Event()

        def run():
            asyncio.set_event_loop(self._loop)
            server = self._loop.run_until_complete(
                asyncio.start_server(self._session, self.host, self.port)
            )
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
            self._loop.run_forever()
            server.close()

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        ready.wait(5)
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def wait_for(self, count: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return len(self.received) >= count

    async def _session(self, reader, writer):
        self.connections += 1
        writer.write(b"220 sink ESMTP\r\n")
        recipients: list[str] = []
        while line := await reader.readline():
            command = line[:4].upper()
            if command == b"EHLO":
                writer.write(b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
            elif command == b"MAIL":
                recipients = []
                writer.write(b"250 OK\r\n")
            elif command == b"RCPT":
                recipients.append(line.split(b":", 1)[1].strip().strip(b"<>").decode())
                writer.write(b"250 OK\r\n")
            elif command == b"DATA":
                writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                await writer.drain()
                data = bytearray()
                while (chunk := await reader.readline()) not in (b".\r\n", b""):
                    data += chunk
                if self.delay:
                    await asyncio.sleep(self.delay)
                found = MESSAGE_ID.search(data)
                self.received.append((tuple(recipients), found.group(1).decode() if found else ""))
                writer.write(b"250 OK queued\r\n")
            elif command == b"QUIT":
                writer.write(b"221 Bye\r\n")
                await writer.drain()
                break
            elif command in (b"HELO", b"RSET", b"NOOP"):
                writer.write(b"250 OK\r\n")
            else:
                writer.write(b"502 Command not implemented\r\n")
            await writer.drain()
        writer.close()


if __name__ == "__main__":
    sink = SmtpSink(port=int(sys.argv[1]) if len(sys.argv) > 1 else 2525).start()
    print(f"SMTP sink on {sink.host}:{sink.port}; Ctrl+C ends it")
    try:
        while True:
            time.sleep(5)
            print(f"{len(sink.received)} mails, {sink.connections} connections", flush=True)
    except KeyboardInterrupt:
        sink.stop()

"""The benchmark's websocket client: a frame parser on asyncio's protocol callbacks (bench/realtime_chat.py)."""

import asyncio
import base64
import os
import time


class Member(asyncio.Protocol):
    """One member's websocket, read with as little client work as possible (a frame parser on asyncio's
    protocol callbacks, not the ``websockets`` library).

    The clients share this process and its cores with nothing but themselves, yet with ``websockets`` they
    were the bottleneck: ~60 µs of client CPU per received frame put the *floor* server's 1,000-member p99
    at 237 ms. Here a frame costs a few µs, so the latency columns measure the servers. What it does:
    the opening handshake (the same headers a browser sends), unmasked server frames (RFC 6455 §5.2; text,
    ping answered with pong, close), masked client frames for what it sends.
    """

    def __init__(self, bench, cookie: str | None, port: int):
        self.bench = bench  # has sent_at {client id: perf_counter at send} and received [latency, …]
        self.cookie = cookie
        self.port = port
        self.transport = None
        self.buffer = bytearray()
        self.open = False
        self.opened = asyncio.get_running_loop().create_future()
        self.waiting: tuple[str, asyncio.Future] | None = None  # (marker, future) for connect-time frames

    # --- asyncio.Protocol -----------------------------------------------------------------------
    def connection_made(self, transport):
        self.transport = transport
        headers = [
            "GET /ws/ HTTP/1.1",
            f"Host: 127.0.0.1:{self.port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}",
            "Sec-WebSocket-Version: 13",
            f"Origin: http://127.0.0.1:{self.port}",
        ]
        if self.cookie:
            headers.append(f"Cookie: {self.cookie}")
        transport.write(("\r\n".join(headers) + "\r\n\r\n").encode())

    def data_received(self, data):
        now = time.perf_counter()
        buffer = self.buffer
        buffer += data
        if not self.open:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            if not buffer.startswith(b"HTTP/1.1 101"):
                self.opened.set_exception(RuntimeError(bytes(buffer[:200]).decode(errors="replace")))
                return
            del buffer[: end + 4]
            self.open = True
            self.opened.set_result(None)
        while len(buffer) >= 2:
            length, start = buffer[1] & 0x7F, 2
            if length == 126:
                if len(buffer) < 4:
                    return
                length, start = int.from_bytes(buffer[2:4], "big"), 4
            elif length == 127:
                if len(buffer) < 10:
                    return
                length, start = int.from_bytes(buffer[2:10], "big"), 10
            if len(buffer) < start + length:
                return
            opcode = buffer[0] & 0x0F
            payload = bytes(buffer[start : start + length])
            del buffer[: start + length]
            if opcode == 1:
                self.on_text(payload, now)
            elif opcode == 9:
                self.send_frame(payload, opcode=10)

    def connection_lost(self, exc):
        self.open = False
        if not self.opened.done():
            self.opened.set_exception(ConnectionError("closed during the handshake"))

    # --- frames ---------------------------------------------------------------------------------
    def on_text(self, payload: bytes, now: float):
        if self.waiting is not None and self.waiting[0].encode() in payload:
            marker, future = self.waiting
            self.waiting = None
            if not future.done():
                future.set_result(payload)
            return
        start = payload.find(b'"client_id":"')
        if start < 0:
            return
        start += 13
        client_id = payload[start : payload.find(b'"', start)].decode()
        sent_at = self.bench.sent_at.get(client_id)
        if sent_at is not None and (b'"type":"chat.message"' in payload or b'"echo"' in payload):
            self.bench.received.append(now - sent_at)

    def send_frame(self, payload: bytes, opcode: int = 1):
        mask = os.urandom(4)
        length = len(payload)
        if length < 126:
            header = bytes([0x80 | opcode, 0x80 | length])
        elif length < 65536:
            header = bytes([0x80 | opcode, 0x80 | 126]) + length.to_bytes(2, "big")
        else:
            header = bytes([0x80 | opcode, 0x80 | 127]) + length.to_bytes(8, "big")
        key = int.from_bytes(mask * (length // 4 + 1), "big") >> (8 * (4 - length % 4))
        masked = (int.from_bytes(payload, "big") ^ key).to_bytes(length, "big") if length else b""
        self.transport.write(header + mask + masked)

    def send(self, text: str):
        self.send_frame(text.encode())

    def expect(self, marker: str) -> asyncio.Future:
        """A future for the next frame containing ``marker`` (connect-time frames: hello, subscribed)."""
        future = asyncio.get_running_loop().create_future()
        self.waiting = (marker, future)
        return future

    def close(self):
        if self.transport is not None:
            self.transport.close()

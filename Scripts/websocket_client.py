"""A minimal WebSocket client (RFC 6455) for text messages, standard library only.

Used by Benchmarks/serve/run.py (the editor's live socket) and Scripts/headless_firefox.py
(WebDriver BiDi): masked frames out, unmasked frames in, pings answered.
"""
import base64
import os
import socket


class WebSocket:
    """One connection to ws://127.0.0.1:`port``path`, optionally sending an `Origin`."""

    def __init__(self, port, path, origin=None, timeout=None):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        try:
            self._handshake(port, path, origin)
        except BaseException:
            self.sock.close()
            raise

    def _handshake(self, port, path, origin):
        key = base64.b64encode(os.urandom(16)).decode()
        head = ["GET %s HTTP/1.1" % path, "Host: 127.0.0.1:%d" % port, "Upgrade: websocket",
                "Connection: Upgrade", "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13"]
        if origin:
            head.append("Origin: " + origin)
        self.sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        reply = b""
        while b"\r\n\r\n" not in reply:
            chunk = self.sock.recv(1)
            if not chunk:
                raise EOFError("the server closed the connection during the handshake")
            reply += chunk
        if b" 101 " not in reply.split(b"\r\n")[0]:
            raise RuntimeError("no upgrade: %r" % reply[:200])

    def send(self, text, opcode=0x1):
        data = text.encode() if isinstance(text, str) else text
        mask = os.urandom(4)
        header = bytearray([0x80 | opcode])
        if len(data) < 126:
            header.append(0x80 | len(data))
        elif len(data) < 65536:
            header += bytes([0x80 | 126]) + len(data).to_bytes(2, "big")
        else:
            header += bytes([0x80 | 127]) + len(data).to_bytes(8, "big")
        # XOR with the mask, four bytes at a time through one big integer (fast in CPython).
        repeated = (mask * (len(data) // 4 + 1))[:len(data)]
        masked = (int.from_bytes(data, "big") ^ int.from_bytes(repeated, "big")).to_bytes(
            len(data), "big") if data else b""
        self.sock.sendall(bytes(header) + mask + masked)

    def _exactly(self, count):
        data = bytearray()
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise EOFError("the server closed the connection")
            data += chunk
        return bytes(data)

    def receive(self):
        """The next text message; pings are answered, a close is raised."""
        message = b""
        while True:
            first, second = self._exactly(2)
            length = second & 0x7F
            if length == 126:
                length = int.from_bytes(self._exactly(2), "big")
            elif length == 127:
                length = int.from_bytes(self._exactly(8), "big")
            payload = self._exactly(length)
            opcode = first & 0x0F
            if opcode == 0x9:  # a ping: answer it, or the server closes the socket
                self.send(payload, opcode=0xA)
                continue
            if opcode == 0x8:
                code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 0
                raise RuntimeError("the server closed the socket: %d %r" % (code, payload[2:]))
            message += payload
            if first & 0x80:
                return message.decode()

    def close(self):
        self.sock.close()

"""The one exception chat services raise for a request they refuse.

``code`` is stable (clients and tests match on it; the error frame and the
HTTP JSON body carry it), ``message`` is for people, already translated.
"""


class ChatError(Exception):
    def __init__(self, code: str, message: str, *, status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = str(message)
        self.status = status

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message}

"""JupyterLab server settings for this series: `make lab` starts the server with this file.

Turns Nagle's algorithm off on the kernel websocket. jupyter_server never calls
``set_nodelay``, so a small message that follows another one (the kernel's "busy" status,
then a widget update) can wait for the browser's delayed ACK, about 40 ms on Linux: a slider
then answers in ~50 ms instead of ~20 ms (benchmarks/bench_widgets.py measures both).
If jupyter_server changes its internals, the server starts as usual without this tweak.
"""

try:
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
except ImportError:  # pragma: no cover - a jupyter_server without this handler
    KernelWebsocketHandler = None

if KernelWebsocketHandler is not None and not getattr(KernelWebsocketHandler, "_nodelay", False):
    _open = KernelWebsocketHandler.open

    async def _open_nodelay(self, *args, **kwargs):
        self.set_nodelay(True)  # send each websocket frame at once
        return await _open(self, *args, **kwargs)

    KernelWebsocketHandler.open = _open_nodelay
    KernelWebsocketHandler._nodelay = True

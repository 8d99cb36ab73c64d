from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def ping(request):
    return PlainTextResponse("pong")


async def ready(request):
    return PlainTextResponse("ready")


app = Starlette(routes=[Route("/livez", ping), Route("/readyz", ready, methods=["GET"])])

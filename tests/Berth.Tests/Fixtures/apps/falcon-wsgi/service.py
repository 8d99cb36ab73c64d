import falcon


class Health:
    def on_get(self, req, resp):
        resp.media = {"ok": True}


api = falcon.App()
api.add_route("/health", Health())

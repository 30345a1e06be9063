-- wrk: POST the file named by $BODY (JSON) to the URL given on the command line, keep-alive.
local f = assert(io.open(os.getenv("BODY"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

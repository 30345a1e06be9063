-- wrk: cycle through valid requests (POST /v2/models/churn/infer, 1 and 100 rows) and invalid ones
-- (POST /v1/models/..., each answered 400, 404 or 413), so that /metrics tells them apart by endpoint.
local dir = os.getenv("BODIES")
local function body(name)
  local f = assert(io.open(dir .. "/" .. name, "r"))
  local b = f:read("*a")
  f:close()
  return b
end
local requests = {}
local function add(path, name)
  table.insert(requests, wrk.format("POST", path, {["Content-Type"] = "application/json"}, body(name)))
end

-- built per thread once wrk knows the host (a request formatted at load time has no Host header)
init = function(args)
  add("/v2/models/churn/infer", "v2-1.json")
  add("/v1/models/churn/predict", "bad-json.json")
  add("/v2/models/churn/infer", "v2-100.json")
  add("/v1/models/churn/predict", "bad-value.json")
  add("/v2/models/churn/infer", "v2-1.json")
  add("/v1/models/churn/predict", "bad-category.json")
  add("/v1/models/nosuchmodel/predict", "v1-1.json")
  add("/v1/models/churn/predict", "bad-missing.json")
  add("/v1/models/churn/predict", "bad-rows.json")
end
local i = 0
request = function()
  i = i % #requests + 1
  return requests[i]
end

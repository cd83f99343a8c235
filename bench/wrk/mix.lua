-- The same mix as scripts/lib/request-mix.ts for wrk (used by bench/run.ts when wrk is installed).
-- Reads BENCH_TOKEN, BENCH_BUILDINGS (comma-separated ids), BENCH_EXPENSES (1/0), BENCH_TAG.
-- done() prints one JSON line prefixed with "WRK_RESULT " that bench/load.ts parses.
local token = os.getenv("BENCH_TOKEN")
local expenses = os.getenv("BENCH_EXPENSES") == "1"
local tag = os.getenv("BENCH_TAG") or "wrk"
local readShare = tonumber(os.getenv("BENCH_READ_SHARE") or "0.7")
local buildings = {}
for id in string.gmatch(os.getenv("BENCH_BUILDINGS") or "", "[^,]+") do buildings[#buildings + 1] = id end

local reads = { { "/api/v1/buildings", 30 }, { "/api/v1/units", 25 }, { "/api/v1/owners", 20 },
  { "/api/v1/expenses", 20 }, { "/api/v1/auth/me", 5 } }
local writes = { { "/api/v1/buildings", 30 }, { "/api/v1/units", 30 }, { "/api/v1/owners", 20 },
  { "/api/v1/expenses", 20 } }
local function keep(t)
  local out = {}
  for _, e in ipairs(t) do
    if expenses or e[1] ~= "/api/v1/expenses" then out[#out + 1] = e end
  end
  return out
end
reads, writes = keep(reads), keep(writes)
local function weighted(t)
  local total = 0
  for _, e in ipairs(t) do total = total + e[2] end
  local r = math.random() * total
  for _, e in ipairs(t) do
    r = r - e[2]
    if r < 0 then return e[1] end
  end
  return t[#t][1]
end
local function pick(t) return t[math.random(#t)] end
local cities = { { "Bruxelles", "1000" }, { "Anvers", "2000" }, { "Gand", "9000" }, { "Liège", "4000" } }
local first = { "Marie", "Jan", "Sophie", "Luc", "Emma", "Pieter", "Claire", "Thomas" }
local last = { "Dubois", "Peeters", "Janssens", "Maes", "Lambert", "Dupont", "Claes", "Martin" }
local unitTypes = { "Apartment", "Apartment", "Apartment", "Parking", "Cellar" }
local categories = { "Maintenance", "Repairs", "Insurance", "Utilities", "Cleaning" }
local descriptions = { "Entretien annuel de l'ascenseur", "Réparation de la porte du garage",
  "Prime d'assurance incendie", "Électricité des parties communes", "Nettoyage des communs" }

local threads = {}
local counter = 0
-- Globals, so setup() can name the thread and done() can read each thread's counters.
thread_id = 0
c2, c4, c5, cother = 0, 0, 0, 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0))
end

local function unique()
  counter = counter + 1
  return tag .. "-w" .. tostring(thread_id) .. "-" .. tostring(counter)
end

local getHeaders = { ["Authorization"] = "Bearer " .. (token or "") }
local postHeaders = { ["Authorization"] = "Bearer " .. (token or ""), ["Content-Type"] = "application/json" }

function request()
  if math.random() < readShare then
    return wrk.format("GET", weighted(reads), getHeaders)
  end
  local path = weighted(writes)
  local c = pick(cities)
  local body
  if path == "/api/v1/buildings" then
    body = string.format(
      '{"name":"Résidence Test %d","address":"Rue de la Loi %d","city":"%s","postal_code":"%s","country":"Belgium","total_units":%d,"construction_year":%d}',
      math.random(1000, 9999), math.random(1, 250), c[1], c[2], math.random(10, 50), math.random(1960, 2024))
  elseif path == "/api/v1/units" then
    body = string.format(
      '{"building_id":"%s","unit_number":"U-%s","unit_type":"%s","floor":%d,"surface_area":%d,"quota":%d}',
      pick(buildings), unique(), pick(unitTypes), math.random(0, 10), math.random(45, 150), math.random(50, 200))
  elseif path == "/api/v1/owners" then
    local f, l = pick(first), pick(last)
    body = string.format(
      '{"first_name":"%s","last_name":"%s","email":"%s.%s.%s@bench.example.be","phone":"+32 4%d %d %d %d","address":"Avenue Louise %d","city":"%s","postal_code":"%s","country":"Belgium"}',
      f, l, string.lower(f), string.lower(l), unique(), math.random(70, 99), math.random(10, 99),
      math.random(10, 99), math.random(10, 99), math.random(1, 250), c[1], c[2])
  else
    body = string.format(
      '{"building_id":"%s","category":"%s","description":"%s","amount":%d.%02d,"expense_date":"%s"}',
      pick(buildings), pick(categories), pick(descriptions), math.random(300, 4999), math.random(0, 99),
      os.date("!%Y-%m-%dT%H:%M:%SZ"))
  end
  return wrk.format("POST", path, postHeaders, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then c2 = c2 + 1
  elseif status >= 400 and status < 500 then c4 = c4 + 1
  elseif status >= 500 then c5 = c5 + 1
  else cother = cother + 1 end
end

function done(summary, latency, requests)
  local s2, s4, s5, so = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    s2 = s2 + t:get("c2")
    s4 = s4 + t:get("c4")
    s5 = s5 + t:get("c5")
    so = so + t:get("cother")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_us":%d,"s2xx":%d,"s4xx":%d,"s5xx":%d,"sother":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"p50":%f,"p90":%f,"p95":%f,"p99":%f,"p999":%f,"max":%f,"mean":%f}\n',
    summary.requests, summary.duration, s2, s4, s5, so, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000))
end

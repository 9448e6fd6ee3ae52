/* Cramdown calculator formulas: pure functions, no DOM. Each takes the raw
 * field values and the limits from hooks/data/limits.yml, and returns
 * { ok: true, result, working, steps, summary } or { ok: false, errors: { field: message } }.
 * A classic script in the page (window.CramdownFormulas); require() in Node's tests. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CramdownFormulas = api;
    /* Instant navigation may run the widgets' script first: it waits for this. */
    if (root.document) root.document.dispatchEvent(new Event("cramdown-formulas"));
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var EPSILON = 1e-9;
  var ABSURD = 1e15;
  var SIZE_UNITS = { bytes: 1, KB: 1024, MB: 1024 * 1024, GB: Math.pow(1024, 3), TB: Math.pow(1024, 4) };

  /* en-US, at most two decimals, rounded as V8's Intl does (1.005 -> 1.01),
     without Intl: its first use costs ~70 ms on a phone. */
  function fmt(n) {
    var size = Math.abs(n);
    if (!(size < 1e21)) return n.toLocaleString("en-US");  // NaN, Infinity, huge: no decimals anyway
    var parts = String(size < 0.001 ? 0 : size).split(".");
    var decimals = (parts[1] || "") + "000";
    var cents = BigInt(parts[0] + decimals.slice(0, 2)) + (decimals[2] >= "5" ? 1n : 0n);
    var fraction = String(cents % 100n).padStart(2, "0").replace(/0+$/, "");
    return (n < 0 || Object.is(n, -0) ? "-" : "") +
      String(cents / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction ? "." + fraction : "");
  }

  /* Bytes in the largest unit that keeps the number at least 1. */
  function fmtBytes(bytes) {
    var units = ["bytes", "KB", "MB", "GB", "TB"];
    var i = 0;
    while (i < units.length - 1 && bytes >= SIZE_UNITS[units[i + 1]]) i += 1;
    return fmt(bytes / SIZE_UNITS[units[i]]) + " " + units[i];
  }

  function ceilUnits(x) {
    return Math.ceil(x - EPSILON);
  }

  var UNIT_NAMES = { b: "bytes", byte: "bytes", bytes: "bytes", k: "KB", kb: "KB", kib: "KB", m: "MB", mb: "MB",
    mib: "MB", g: "GB", gb: "GB", gib: "GB", t: "TB", tb: "TB", tib: "TB" };

  /* A typed number, or an error message. opts: {label, integer, allowZero,
   * max, unit}. "1,500" is fifteen hundred. With opts.unit (a size field in
   * KB, MB...), a typed unit converts: "6 KB", "6kb", "0.5 MB". */
  function readNumber(raw, opts, errors, field) {
    var typed = String(raw === undefined || raw === null ? "" : raw).trim();
    var parts = /^(.*?)\s*([a-z]+)?$/i.exec(typed);
    var text = parts[1];
    var unit = parts[2] ? UNIT_NAMES[parts[2].toLowerCase()] : "";
    if (typed === "") {
      errors[field] = "Enter " + opts.label + ".";
      return null;
    }
    if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) text = text.replace(/,/g, "");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) || (parts[2] && !(unit && opts.unit))) {
      errors[field] = "“" + typed + "” is not " + (opts.unit ? "a size, like 6 or 6 KB." : "a number.");
      return null;
    }
    var value = Number(text) * (unit ? SIZE_UNITS[unit] / SIZE_UNITS[opts.unit] : 1);
    var label = opts.label.charAt(0).toUpperCase() + opts.label.slice(1);
    if (!isFinite(value)) {
      errors[field] = "That number is too large.";
    } else if (value < 0) {
      errors[field] = label + " cannot be negative.";
    } else if (value === 0 && !opts.allowZero) {
      errors[field] = label + " must be more than 0.";
    } else if (opts.integer && Math.floor(value) !== value) {
      errors[field] = label + " must be a whole number.";
    } else if (value > (opts.max || ABSURD)) {
      errors[field] = "That is more than " + fmt(opts.max || ABSURD) + "; check the number.";
    } else {
      return value;
    }
    return null;
  }

  function readChoice(raw, allowed, errors, field) {
    if (allowed.indexOf(raw) === -1) {
      errors[field] = "Choose one of: " + allowed.join(", ") + ".";
      return null;
    }
    return raw;
  }

  function failed(errors) {
    return { ok: false, errors: errors };
  }

  /* ---- DynamoDB capacity units ---------------------------------------- */

  var MODE_NAMES = {
    strong: "strongly consistent",
    eventual: "eventually consistent",
    transactional: "transactional",
    standard: "standard"
  };

  function dynamodb(input, limits) {
    var errors = {};
    var operation = readChoice(input.operation, ["read", "write"], errors, "operation");
    var modes = operation === "write" ? ["standard", "transactional"] : ["strong", "eventual", "transactional"];
    var mode = readChoice(input.mode, modes, errors, "mode");
    var size = readNumber(input.size, { label: "the item size", unit: "KB" }, errors, "size");
    var rate = readNumber(input.rate, { label: "the number of requests" }, errors, "rate");
    var per = readChoice(input.per, ["second", "minute"], errors, "per");
    var itemMax = limits["dynamodb.item_max"].value;
    if (size !== null && size > itemMax) {
      errors.size = "DynamoDB items are at most " + fmt(itemMax) + " KB, so a " + fmt(size) +
        " KB item cannot be stored: keep it in S3 and store its key in DynamoDB.";
    }
    if (Object.keys(errors).length) return failed(errors);

    var isRead = operation === "read";
    var unitName = isRead ? "RCU" : "WCU";
    var verb = isRead ? "read" : "write";
    var unitKB = limits[isRead ? "dynamodb.read_unit" : "dynamodb.write_unit"].value;
    var units = ceilUnits(size / unitKB);
    var roundedKB = units * unitKB;
    var multiplier = mode === "eventual" ? limits["dynamodb.eventual_read_cost"].value
      : mode === "transactional" ? limits["dynamodb.transaction_cost"].value : 1;
    var perRequest = units * multiplier;
    var perSecond = per === "minute" ? rate / 60 : rate;
    var total = perRequest * perSecond;
    var provision = ceilUnits(total);

    var steps = [];
    steps.push(roundedKB === size
      ? fmt(size) + " KB is a whole number of " + fmt(unitKB) + " KB " + verb + " units"
      : fmt(size) + " KB → rounded up to " + fmt(roundedKB) + " KB (" + verb + "s count in " + fmt(unitKB) + " KB units)");
    steps.push(fmt(roundedKB) + " KB ÷ " + fmt(unitKB) + " KB = " + fmt(units) + " " + unitName + " per " + verb);
    if (multiplier !== 1) {
      steps.push((multiplier < 1 ? "Eventually consistent reads cost half" : "Transactional " + verb + "s cost double") +
        ": " + fmt(units) + " × " + (multiplier < 1 ? "½" : "2") + " = " + fmt(perRequest) + " " + unitName + " per " + verb);
    }
    var verbs = function (n) { return verb + (n === 1 ? "" : "s"); };
    if (per === "minute") {
      steps.push(fmt(rate) + " " + verbs(rate) + " per minute ÷ 60 = " + fmt(perSecond) + " per second");
    }
    steps.push(fmt(perRequest) + " " + unitName + " × " + fmt(perSecond) + " " + verbs(perSecond) + "/s = " + fmt(total) + " " +
      unitName);
    if (provision !== total) {
      steps.push("Provisioned capacity is set in whole units: " + fmt(provision) + " " + unitName);
    }
    var working = fmt(size) + " KB → " + (roundedKB === size ? "" : "rounded up to " + fmt(roundedKB) + " KB → ") +
      fmt(perRequest) + " " + unitName + " per " + verb + " × " + fmt(perSecond) + " " + verbs(perSecond) + "/s = " +
      fmt(total) + " " + unitName;
    return {
      ok: true,
      result: {
        unit: unitName, perRequest: perRequest, total: total, provision: provision,
        onDemand: total, onDemandUnit: isRead ? "read request units" : "write request units"
      },
      answer: fmt(total) + " " + unitName + (provision !== total ? " (provision " + fmt(provision) + ")" : ""),
      working: working,
      steps: steps,
      summary: fmt(rate) + " " + MODE_NAMES[mode] + " " + verbs(rate) + " per " + per + ", items of " + fmt(size) + " KB"
    };
  }

  /* ---- Kinesis shards -------------------------------------------------- */

  function kinesis(input, limits) {
    var errors = {};
    var recordMaxKB = limits["kinesis.record_max"].bytes / 1024;
    var size = readNumber(input.size, { label: "the record size", unit: "KB" }, errors, "size");
    var rate = readNumber(input.rate, { label: "the records per second" }, errors, "rate");
    var consumers = readNumber(input.consumers, { label: "the number of consumers", integer: true, max: 100000 },
      errors, "consumers");
    var fanout = readChoice(input.fanout, ["classic", "enhanced"], errors, "fanout");
    if (size !== null && size > recordMaxKB) {
      errors.size = "A Kinesis record is at most " + fmt(recordMaxKB) + " KB (1 MiB) unless the stream's limit is raised.";
    }
    var enhancedMax = limits["kinesis.enhanced_consumers_max"].value;
    if (fanout === "enhanced" && consumers !== null && consumers > enhancedMax) {
      errors.consumers = "A stream has at most " + enhancedMax + " enhanced fan-out consumers.";
    }
    if (Object.keys(errors).length) return failed(errors);

    var writeMB = limits["kinesis.shard_write_bytes"].value;
    var writeRecords = limits["kinesis.shard_write_records"].value;
    var readMB = limits["kinesis.shard_read_bytes"].value;
    var ingestMB = size * rate / 1024;
    var byBytes = ceilUnits(ingestMB / writeMB);
    var byRecords = ceilUnits(rate / writeRecords);
    var ingestShards = Math.max(byBytes, byRecords, 1);
    var readMBNeeded = fanout === "classic" ? ingestMB * consumers : ingestMB;
    var readShards = Math.max(ceilUnits(readMBNeeded / readMB), 1);
    var shards = Math.max(ingestShards, readShards);
    var decimalMB = size * rate / 1000;
    var steps = [
      fmt(size) + " KB × " + fmt(rate) + " record" + (rate === 1 ? "" : "s") + "/s = " + fmt(size * rate) + " KB/s = " +
        fmt(ingestMB) + " MB/s in (1 MB = 1,024 KB, as AWS states shard limits" +
        (fmt(decimalMB) !== fmt(ingestMB) ? "; with 1 MB = 1,000 KB, as exam questions often round, it is " +
          fmt(decimalMB) + " MB/s" : "") + ")",
      "Writes: " + fmt(ingestMB) + " MB/s ÷ " + fmt(writeMB) + " MB/s per shard → " + fmt(byBytes) +
        " shard" + (byBytes === 1 ? "" : "s") + "; " + fmt(rate) + " records/s ÷ " + fmt(writeRecords) +
        " per shard → " + fmt(byRecords) + "; the larger binds: " + fmt(ingestShards),
      fanout === "classic"
        ? "Reads (classic): " + (consumers === 1 ? "1 consumer reads up to " : fmt(consumers) + " consumers share ") +
          fmt(readMB) + " MB/s per shard: " + fmt(ingestMB) + " × " + fmt(consumers) + " = " + fmt(readMBNeeded) +
          " MB/s → " + fmt(readShards)
        : "Reads (enhanced fan-out): each consumer gets its own " + fmt(readMB) + " MB/s per shard: " +
          fmt(ingestMB) + " MB/s → " + fmt(readShards),
      "Shards needed: the larger of " + fmt(ingestShards) + " and " + fmt(readShards) + " = " + fmt(shards),
      "At most " + fmt(shards) + " KCL worker" + (shards === 1 ? "" : "s") + " can each hold a shard"
    ];
    return {
      ok: true,
      result: { ingestShards: ingestShards, readShards: readShards, shards: shards, kclWorkers: shards },
      answer: fmt(shards) + " shard" + (shards === 1 ? "" : "s"),
      working: steps.join("; "),
      steps: steps,
      summary: fmt(rate) + " records/s of " + fmt(size) + " KB, " + fmt(consumers) + " " + fanout + " consumer" +
        (consumers === 1 ? "" : "s")
    };
  }

  /* ---- Payload size advisor ------------------------------------------- */

  var PAYLOAD_TARGETS = [
    ["sqs.message_max", "SQS message", "Use the SQS Extended Client Library: the body goes to S3, the message carries a pointer"],
    ["sns.message_max", "SNS message", "Store the payload in S3 and publish a pointer (the SNS Extended Client Library does this)"],
    ["eventbridge.event_max", "EventBridge event", "Put the payload in S3 and send its location in the event"],
    ["lambda.sync_payload_max", "Lambda synchronous invoke", "Pass an S3 object key instead of the data"],
    ["lambda.async_payload_max", "Lambda asynchronous invoke", "Pass an S3 object key instead of the data"],
    ["kms.encrypt_max", "KMS Encrypt", "Use envelope encryption: GenerateDataKey, encrypt locally with the data key"]
  ];

  function payload(input, limits) {
    var errors = {};
    var unit = readChoice(input.unit, Object.keys(SIZE_UNITS), errors, "unit");
    var size = readNumber(input.size, { label: "the payload size", unit: unit || "bytes" }, errors, "size");
    if (size !== null && unit !== null && size * SIZE_UNITS[unit] > ABSURD) {
      errors.size = "That is more than a petabyte; check the number.";
    }
    if (Object.keys(errors).length) return failed(errors);
    var bytes = size * SIZE_UNITS[unit];
    var rows = PAYLOAD_TARGETS.map(function (target) {
      var limit = limits[target[0]];
      var fits = bytes <= limit.bytes + EPSILON;
      return { id: target[0], name: target[1], limit: limit.bytes, fits: fits, workaround: fits ? "" : target[2] };
    });
    var steps = rows.map(function (row) {
      var limit = limits[row.id];
      if (limit.since) {  /* changed: today's value and the old one, without saying which the exam uses */
        var both = "today's " + limit.display + " limit (was " + limit.was + " until " + limit.since + ")";
        return row.name + ": " + (row.fits ? "fits " + both : "too big for " + both + ". " + row.workaround);
      }
      return row.name + " (max " + fmtBytes(row.limit) + "): " + (row.fits ? "fits" : "too big. " + row.workaround);
    });
    var fitting = rows.filter(function (row) { return row.fits; }).length;
    return {
      ok: true,
      result: { bytes: bytes, targets: rows },
      answer: fitting + " of " + rows.length + " fit directly",
      working: steps.join("; "),
      steps: steps,
      summary: "A payload of " + fmt(size) + " " + unit
    };
  }

  /* ---- S3 upload planner ----------------------------------------------- */

  function s3Upload(input, limits) {
    var errors = {};
    var unit = readChoice(input.unit, Object.keys(SIZE_UNITS), errors, "unit");
    var size = readNumber(input.size, { label: "the object size", unit: unit || "bytes" }, errors, "size");
    var objectMax = limits["s3.object_max"].bytes;
    if (size !== null && unit !== null && size * SIZE_UNITS[unit] > objectMax + EPSILON) {
      errors.size = "S3 objects are at most " + fmtBytes(objectMax) + " (about 50 TB).";
    }
    if (Object.keys(errors).length) return failed(errors);
    var bytes = size * SIZE_UNITS[unit];
    var putMax = limits["s3.single_put_max"].bytes;
    var recommended = limits["s3.multipart_recommended"].bytes;
    var partMin = limits["s3.part_min"].bytes;
    var partMax = limits["s3.part_max"].bytes;
    var partsMax = limits["s3.parts_max"].value;
    var mib = SIZE_UNITS.MB;
    /* The smallest whole-MiB part size, at least 5 MiB, that needs no more than 10,000 parts. */
    var partSize = Math.max(partMin, Math.ceil(Math.ceil(bytes / partsMax) / mib) * mib);
    partSize = Math.min(partSize, partMax);
    var parts = Math.max(1, ceilUnits(bytes / partSize));
    var last = bytes - (parts - 1) * partSize;
    var singlePut = bytes <= putMax;
    var steps = [
      fmtBytes(bytes) + (singlePut ? " ≤ " : " > ") + fmtBytes(putMax) + ": a single PUT is " + (singlePut ? "allowed" : "not allowed"),
      bytes > putMax ? "Multipart upload is required"
        : bytes > recommended ? "Over " + fmtBytes(recommended) + ": multipart upload is recommended"
          : "At most " + fmtBytes(recommended) + ": a single PUT is the simple choice",
      "Parts of " + fmtBytes(partSize) + " (allowed: " + fmtBytes(partMin) + " to " + fmtBytes(partMax) + ", at most " +
        fmt(partsMax) + " parts) → " + fmt(parts) + " part" + (parts === 1 ? "" : "s") + ", the last one " + fmtBytes(last) +
        " (the last part has no minimum)"
    ];
    return {
      ok: true,
      result: {
        singlePut: singlePut, multipart: bytes > putMax ? "required" : bytes > recommended ? "recommended" : "optional",
        partSize: partSize, parts: parts, lastPart: last
      },
      answer: bytes > putMax ? "Multipart required" : bytes > recommended ? "Multipart recommended" : "Single PUT",
      working: steps.join("; "),
      steps: steps,
      summary: "An object of " + fmt(size) + " " + unit
    };
  }

  /* ---- VPC subnet ------------------------------------------------------- */

  function ipToText(n) {
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
  }

  function vpcSubnet(input, limits) {
    var errors = {};
    var text = String(input.cidr === undefined ? "" : input.cidr).trim();
    var min = limits["vpc.subnet_prefix_min"].value;
    var max = limits["vpc.subnet_prefix_max"].value;
    var match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
    if (text === "") {
      errors.cidr = "Enter a CIDR block such as 10.0.1.0/24.";
    } else if (!match || match.slice(1, 5).some(function (p) { return Number(p) > 255; }) || Number(match[5]) > 32) {
      errors.cidr = "“" + text + "” is not an IPv4 CIDR block; write it like 10.0.1.0/24.";
    } else if (Number(match[5]) < min || Number(match[5]) > max) {
      errors.cidr = "AWS subnets are /" + min + " to /" + max + "; /" + match[5] + " is outside that range.";
    }
    if (Object.keys(errors).length) return failed(errors);
    var prefix = Number(match[5]);
    var address = ((Number(match[1]) << 24) | (Number(match[2]) << 16) | (Number(match[3]) << 8) | Number(match[4])) >>> 0;
    var size = Math.pow(2, 32 - prefix);
    var network = Math.floor(address / size) * size;
    var broadcast = network + size - 1;
    var reserved = [
      [network, "network address"], [network + 1, "VPC router"], [network + 2, "DNS server"],
      [network + 3, "reserved for future use"], [broadcast, "broadcast, which VPCs do not support"]
    ].map(function (r) { return { address: ipToText(r[0]), use: r[1] }; });
    var usable = size - limits["vpc.reserved_addresses"].value;
    var steps = [];
    if (network !== address) {
      steps.push(ipToText(address) + "/" + prefix + " is inside the block " + ipToText(network) + "/" + prefix);
    }
    steps.push("/" + prefix + " leaves " + (32 - prefix) + " host bits: 2^" + (32 - prefix) + " = " + fmt(size) + " addresses");
    steps.push("AWS reserves 5: " + reserved.map(function (r) { return r.address + " (" + r.use + ")"; }).join(", "));
    steps.push(fmt(size) + " − 5 = " + fmt(usable) + " usable addresses");
    return {
      ok: true,
      result: { network: ipToText(network) + "/" + prefix, total: size, reserved: reserved, usable: usable },
      answer: fmt(usable) + " usable addresses",
      working: steps.join("; "),
      steps: steps,
      summary: "The block " + ipToText(network) + "/" + prefix
    };
  }

  return {
    dynamodb: dynamodb,
    kinesis: kinesis,
    payload: payload,
    "s3": s3Upload,
    "vpc": vpcSubnet,
    SIZE_UNITS: SIZE_UNITS,
    formatNumber: fmt
  };
});

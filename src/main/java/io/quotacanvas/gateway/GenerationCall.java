package io.quotacanvas.gateway;

import io.quotacanvas.core.ImageRequest;

/// A validated `POST /v1/images/generations`: what to ask the engine, and how the client wants the images
/// back (`b64` true for `response_format: b64_json`, else `url`).
record GenerationCall(ImageRequest request, boolean b64, String user) {}

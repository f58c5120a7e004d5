package io.quotacanvas.ui;

import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ImageSize;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.testing.TestImages;
import io.quotacanvas.ui.service.ImageStore;
import io.quotacanvas.ui.service.ModelHint;
import io.quotacanvas.ui.service.ModelReadiness;
import io.quotacanvas.ui.service.ProviderInfo;
import io.quotacanvas.ui.service.ProviderStatus;
import io.quotacanvas.ui.service.StudioServices;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/// A studio core for view-model tests: an in-memory library whose images are real small PNGs in a temp
/// folder, and a scripted engine in which every image first hits a spent token (`gitee#1`) and then
/// succeeds on `gitee#2` — unless told to fail, or to wait until released (to watch a running batch).
public final class FakeStudio implements StudioServices {
    public static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    private final Path root;
    private final Store store = new Store();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AtomicInteger ids = new AtomicInteger();
    public final List<ImageRequest> requests = new CopyOnWriteArrayList<>();
    public volatile boolean failAll;
    /// Models whose images fail (as `provider_error`), the others succeed.
    public final java.util.Set<String> failModels = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /// How long each image "takes" at the provider (images of a batch run in parallel, like the engine's).
    public volatile java.time.Duration latency = java.time.Duration.ZERO;
    public volatile CountDownLatch hold;
    /// When not empty, only images with these seeds wait for [#hold] (the others of their batch are made).
    public final java.util.Set<Long> holdSeeds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    public volatile Map<ProviderId, ProviderStatus> statuses = Map.of();
    /// Hugging Face with its public Spaces (no token) joins the providers: what a new user has.
    public volatile boolean publicSpaces;
    /// No provider has a token.
    public volatile boolean noTokens;
    /// Requested model -> the model that really makes the image (the engine's fallback to another model).
    public final Map<String, String> madeBy = new ConcurrentHashMap<>();
    /// Images whose seed is here fail (as `provider_error`).
    public final java.util.Set<Long> failSeeds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public FakeStudio(Path root) {
        this.root = root;
    }

    /// Adds `n` stored images (prompt "image <i>", newest last added), returns them newest first.
    /// Seeds are `1000 + i`; one in three (seed % 3 == 2) is 1:1, the others 16:9.
    public List<StoredImage> seed(int n) {
        for (int i = 0; i < n; i++) {
            store.add(image("image " + i, i % 2 == 0 ? ProviderId.GITEE : ProviderId.A4F, 1000 + i,
                    NOW.minusSeconds(n - i)));
        }
        return store.newestFirst();
    }

    public StoredImage image(String prompt, ProviderId provider, long seed, Instant at) {
        return image(prompt, provider, seed, at, 90);
    }

    /// `green` tints the picture (a comparison's models each get their own).
    private StoredImage image(String prompt, ProviderId provider, long seed, Instant at, int green) {
        String id = "img-%05d".formatted(ids.incrementAndGet());
        Path file = root.resolve(id + ".png");
        try {
            Files.createDirectories(root);
            // a hue per seed (and per model, for comparisons): screenshots show which image is which
            Color colour = Color.getHSBColor(((seed * 7 + green) % 24) / 24f, 0.5f, 0.85f);
            Files.write(file, TestImages.image(64, 48, "png", colour));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AttemptRecord> chain = List.of(
                new AttemptRecord(AttemptStep.GENERATE, provider, "z-image-turbo", provider.labelPrefix() + "#1 …0001",
                        AttemptOutcome.QUOTA_EXHAUSTED, 429, "quota used up", 120, NOW.plusSeconds(3600)),
                new AttemptRecord(AttemptStep.GENERATE, provider, "z-image-turbo", provider.labelPrefix() + "#2 …0002",
                        AttemptOutcome.SUCCESS, 200, null, 800, null));
        ImageMetadata m = new ImageMetadata(prompt, prompt + ", detailed", provider, "z-image-turbo", "Z-Image-Turbo",
                seed, 9, null, seed % 3 == 2 ? "1:1" : "16:9", 64, 48, at, null, chain);
        return new StoredImage(id, file, m, false);
    }

    public Store store() {
        return store;
    }

    @Override
    public List<ProviderInfo> providers() {
        List<ProviderInfo> all = new ArrayList<>(List.of(
                new ProviderInfo(ProviderId.GITEE, true, List.of("z-image-turbo", "qwen-image"), noTokens ? 0 : 2),
                new ProviderInfo(ProviderId.A4F, true, List.of("z-image-turbo", "flux-1-schnell"), noTokens ? 0 : 1),
                new ProviderInfo(ProviderId.MODELSCOPE, false, List.of("z-image-turbo"), 0)));
        if (publicSpaces) {
            all.add(new ProviderInfo(ProviderId.HUGGINGFACE, true, List.of("z-image-turbo", "flux-1-schnell"), 0, true));
        }
        return all;
    }

    /// The documented default (`prompt.optimize: true`).
    @Override
    public boolean optimizePromptByDefault() {
        return true;
    }

    @Override
    public ProviderStatus status(ProviderId provider, Instant now) {
        if (provider == ProviderId.HUGGINGFACE && !statuses.containsKey(provider)) {
            return new ProviderStatus(provider, 0, 0, 0, 0, null, new ProviderStatus.Anonymous(true, null));
        }
        return statuses.getOrDefault(provider, ProviderStatus.unknown(provider,
                providers().stream().filter(p -> p.id() == provider).findFirst().orElseThrow().tokenCount()));
    }

    /// Every enabled provider's models; gitee's ready, a4f's only for `flux-1-schnell`.
    @Override
    public List<ModelReadiness> readiness(Instant now) {
        List<ModelReadiness> out = new ArrayList<>();
        for (ProviderInfo p : providers()) {
            if (p.enabled()) {
                for (String m : p.models()) {
                    int ready = p.id() == ProviderId.GITEE || m.equals("flux-1-schnell") ? p.tokenCount() : 0;
                    out.add(new ModelReadiness(p.id(), m, ready, p.anonymous() && m.equals("z-image-turbo")));
                }
            }
        }
        return out;
    }

    /// Gitee sends every model 12 steps and guidance 4.5; Auto and others use the built-in table.
    @Override
    public ModelHint hint(ProviderId provider, String model) {
        if (provider == ProviderId.GITEE) {
            return new ModelHint(12, 4.5);
        }
        var d = io.quotacanvas.pipeline.ModelDefaults.of(model);
        return new ModelHint(d.steps(), d.guidanceScale());
    }

    @Override
    public BatchResult generate(ImageRequest request, String runId, EngineListener listener, CallScope scope) {
        requests.add(request);
        listener.onEvent(new EngineEvent.BatchStarted(-1, request.count(), NOW));
        List<ImageResult> results = new ArrayList<>();
        if (latency.isZero()) {
            for (int i = 0; i < request.count(); i++) {
                results.add(one(request, runId, i, listener, scope));
            }
        } else {
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<ImageResult>> futures = new ArrayList<>();
                for (int i = 0; i < request.count(); i++) {
                    int index = i;
                    futures.add(pool.submit(() -> one(request, runId, index, listener, scope)));
                }
                for (var f : futures) {
                    results.add(f.get());
                }
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        BatchResult batch = new BatchResult(results, 10);
        listener.onEvent(new EngineEvent.BatchFinished(-1, batch));
        return batch;
    }

    private ImageResult one(ImageRequest request, String runId, int i, EngineListener listener, CallScope scope) {
        ProviderId p = request.provider() != null ? request.provider() : ProviderId.GITEE;
        String first = p.labelPrefix() + "#1 …0001";
        String second = p.labelPrefix() + "#2 …0002";
        long seed = request.seed() == null ? 77 + i : request.seed() + i;
        listener.onEvent(new EngineEvent.ImageStarted(i, seed));
        listener.onEvent(new EngineEvent.AttemptStarted(i, AttemptStep.GENERATE, p, request.model(), first));
        AttemptRecord quota = new AttemptRecord(AttemptStep.GENERATE, p, request.model(), first, AttemptOutcome.QUOTA_EXHAUSTED,
                429, "quota used up", 30, NOW.plusSeconds(3600));
        listener.onEvent(new EngineEvent.AttemptFinished(i, quota));
        listener.onEvent(new EngineEvent.TokenCooled(i, p, first, NOW.plusSeconds(3600), null));
        listener.onEvent(new EngineEvent.AttemptStarted(i, AttemptStep.GENERATE, p, request.model(), second));
        if (holdSeeds.isEmpty() || holdSeeds.contains(seed)) {
            awaitRelease(scope);
        }
        pause();
        if (scope.isCancelled() || failAll || failModels.contains(request.model()) || failSeeds.contains(seed)) {
            boolean cancelled = scope.isCancelled();
            AttemptRecord fail = new AttemptRecord(AttemptStep.GENERATE, p, request.model(), second,
                    cancelled ? AttemptOutcome.CANCELLED : AttemptOutcome.PROVIDER_ERROR, 0,
                    "it failed", 5, null);
            listener.onEvent(new EngineEvent.AttemptFinished(i, fail));
            ImageResult.Failed f = new ImageResult.Failed(i,
                    cancelled ? ErrorType.CANCELLED : ErrorType.PROVIDER_ERROR, "It failed.", request.prompt(), List.of(quota, fail), 5);
            listener.onEvent(new EngineEvent.ImageFinished(i, f));
            return f;
        }
        AttemptRecord ok = new AttemptRecord(AttemptStep.GENERATE, p, request.model(), second,
                AttemptOutcome.SUCCESS, 200, null, 40, null);
        listener.onEvent(new EngineEvent.AttemptFinished(i, ok));
        StoredImage stored = image(request.prompt(), p, seed, NOW,
                Math.floorMod((p.wireName() + request.model()).hashCode(), 200) + 30);
        String model = madeBy.getOrDefault(request.model(), request.model());
        stored = new StoredImage(stored.id(), stored.path(), new ImageMetadata(request.prompt(), request.prompt(), p,
                model, model, seed, 9, null, request.aspectRatio().label(), 64, 48, NOW, null,
                List.of(quota, ok)).withRunId(runId), false);
        store.add(stored);
        ImageResult.Generated g = new ImageResult.Generated(i, stored.id(), stored.path().toUri().toString(), p,
                request.model(), request.prompt(), request.prompt(), new GenerationSettings(request.prompt(),
                AspectRatio.SQUARE, new ImageSize(64, 48), seed, 9, null, false), stored.path(), List.of(), 64, 48,
                List.of(quota, ok), 70);
        listener.onEvent(new EngineEvent.ImageFinished(i, g));
        return g;
    }

    private void pause() {
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitRelease(CallScope scope) {
        CountDownLatch latch = hold;
        if (latch == null) {
            return;
        }
        try {
            while (!scope.isCancelled() && !latch.await(20, TimeUnit.MILLISECONDS)) {
                // waiting like a slow provider; cancelling the scope ends the wait at once
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ImageStore images() {
        return store;
    }

    /// No token manager here: window tests over this fake keep the status bar's hook a no-op.
    @Override
    public io.quotacanvas.ui.service.TokenManager tokens() {
        throw new UnsupportedOperationException("FakeStudio has no token vault");
    }

    @Override
    public Folders folders() {
        return new Folders(root.resolve("config.yaml"), root.resolve("state"), root);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
    }

    /// The in-memory library.
    public final class Store implements ImageStore {
        private final Map<String, StoredImage> images = new ConcurrentHashMap<>();
        public final List<String> deleted = new CopyOnWriteArrayList<>();
        public final AtomicInteger listCalls = new AtomicInteger();

        void add(StoredImage image) {
            images.put(image.id(), image);
        }

        List<StoredImage> newestFirst() {
            return images.values().stream().sorted(Comparator.comparing(StoredImage::id).reversed()).toList();
        }

        private List<StoredImage> matching(LibraryQuery q) {
            List<StoredImage> all = newestFirst().stream()
                    .filter(i -> q.text() == null || i.metadata().promptOriginal().toLowerCase(Locale.ROOT)
                            .contains(q.text().toLowerCase(Locale.ROOT)))
                    .filter(i -> !q.favouritesOnly() || i.favourite())
                    .filter(i -> q.provider() == null || i.metadata().provider() == q.provider())
                    .filter(i -> q.model() == null || q.model().equals(i.metadata().model()))
                    .filter(i -> q.from() == null || !i.metadata().createdAt().isBefore(q.from()))
                    .filter(i -> q.until() == null || i.metadata().createdAt().isBefore(q.until()))
                    .filter(i -> q.aspectRatio() == null || q.aspectRatio().equals(i.metadata().aspectRatio()))
                    .filter(i -> q.seed() == null || q.seed() == i.metadata().seed())
                    .filter(i -> q.runId() == null || q.runId().equals(i.metadata().runId()))
                    .filter(i -> !q.excludedIds().contains(i.id())).toList();
            return q.oldestFirst() ? all.reversed() : all;
        }

        @Override
        public List<String> ids(LibraryQuery q) {
            return list(q).stream().map(StoredImage::id).toList();
        }

        @Override
        public List<StoredImage> find(java.util.Collection<String> wanted) {
            return wanted.stream().map(images::get).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public int setFavourites(java.util.Collection<String> wanted, boolean favourite) {
            int n = 0;
            for (String id : wanted) {
                StoredImage i = images.get(id);
                if (i != null && i.favourite() != favourite) {
                    setFavourite(id, favourite);
                    n++;
                }
            }
            return n;
        }

        @Override
        public int delete(java.util.Collection<String> wanted) throws LibraryException {
            int n = 0;
            for (String id : wanted) {
                n += delete(id) ? 1 : 0;
            }
            return n;
        }


        @Override
        public Optional<String> readParameters(Path png) {
            return images.values().stream().filter(i -> i.path().equals(png))
                    .map(i -> i.metadata().promptFinal() + "\nSeed: " + i.metadata().seed()).findFirst();
        }

        @Override
        public Path root() {
            return root;
        }

        @Override
        public List<StoredImage> list(LibraryQuery q) {
            listCalls.incrementAndGet();
            List<StoredImage> all = matching(q);
            int from = Math.min(q.offset(), all.size());
            int to = q.limit() <= 0 ? all.size() : Math.min(all.size(), from + q.limit());
            return all.subList(from, to);
        }

        @Override
        public int count(LibraryQuery q) {
            return matching(q).size();
        }

        @Override
        public Optional<StoredImage> find(String id) {
            return Optional.ofNullable(images.get(id));
        }

        @Override
        public boolean setFavourite(String id, boolean favourite) {
            StoredImage i = images.get(id);
            if (i == null) {
                return false;
            }
            images.put(id, new StoredImage(id, i.path(), i.metadata(), favourite));
            return true;
        }

        @Override
        public boolean delete(String id) throws LibraryException {
            StoredImage i = images.remove(id);
            if (i == null) {
                return false;
            }
            deleted.add(id);
            try {
                Files.deleteIfExists(i.path());
            } catch (IOException e) {
                throw new LibraryException("could not delete", e);
            }
            return true;
        }

        @Override
        public Path exportCopy(StoredImage image, Path target) throws LibraryException {
            try {
                return Files.copy(image.path(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new LibraryException("could not copy", e);
            }
        }

        @Override
        public Optional<ImageMetadata> readMetadata(Path png) {
            return images.values().stream().filter(i -> i.path().equals(png)).map(StoredImage::metadata).findFirst();
        }
    }
}

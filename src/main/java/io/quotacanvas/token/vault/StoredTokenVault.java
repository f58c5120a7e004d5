package io.quotacanvas.token.vault;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/// The [TokenVault] on a [VaultFile]: metadata (order, names, enabled, added-at) always in the file, each
/// secret in the store it was added with — the file itself, or a system keyring. New tokens go to
/// `preferred`. Thread-safe; every call reads the file afresh.
final class StoredTokenVault implements TokenVault {
    private final VaultFile file;
    private final SecretStore preferred;
    private final Map<String, SecretStore> stores;
    private final Clock clock;
    private final String protection;

    StoredTokenVault(VaultFile file, SecretStore preferred, List<SecretStore> readable, Clock clock,
                     String protection) {
        this.file = file;
        this.preferred = preferred;
        this.stores = new java.util.HashMap<>();
        readable.forEach(s -> stores.put(s.name(), s));
        stores.put(preferred.name(), preferred);
        this.clock = clock;
        this.protection = protection;
    }

    @Override
    public List<VaultEntry> entries(ProviderId provider) {
        return file.read().get(provider).stream().map(this::resolve).toList();
    }

    @Override
    public AddResult add(ProviderId provider, List<String> values, String label) {
        Objects.requireNonNull(provider, "provider");
        List<Secret> fresh = fresh(provider, values);
        List<StoredEntry> added = new ArrayList<>();
        String name = label == null || label.isBlank() ? null : label.strip();
        for (int i = 0; i < fresh.size(); i++) {
            String id = UUID.randomUUID().toString();
            // the keyring gets the value before the file names it, so a crash leaves no dangling entry
            String inFile = preferred.put(id, provider, fresh.get(i));
            String entryLabel = name == null ? null : fresh.size() == 1 ? name : name + " " + (i + 1);
            added.add(new StoredEntry(id, provider, entryLabel, true, clock.instant(), preferred.name(), inFile));
        }
        if (!added.isEmpty()) {
            file.update(doc -> {
                doc.get(provider).addAll(added);
                return doc;
            });
        }
        int blanksAndDuplicates = values.size() - added.size();
        return new AddResult(added.stream().map(this::resolve).toList(), blanksAndDuplicates);
    }

    /// The values not blank, not already in the vault and not repeated, as secrets in input order.
    private List<Secret> fresh(ProviderId provider, List<String> values) {
        Set<Secret> seen = new HashSet<>();
        for (VaultEntry e : entries(provider)) {
            if (e.available()) {
                seen.add(e.secret());
            }
        }
        List<Secret> fresh = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                Secret secret = new Secret(v);
                if (seen.add(secret)) {
                    fresh.add(secret);
                }
            }
        }
        return fresh;
    }

    @Override
    public boolean remove(ProviderId provider, String id) {
        StoredEntry[] removed = new StoredEntry[1];
        file.update(doc -> {
            List<StoredEntry> list = doc.get(provider);
            int i = indexOf(list, id);
            if (i >= 0) {
                removed[0] = list.remove(i);
            }
            return doc;
        });
        if (removed[0] == null) {
            return false;
        }
        SecretStore store = stores.get(removed[0].store());
        if (store != null) {
            store.delete(id);
        }
        return true;
    }

    @Override
    public void rename(ProviderId provider, String id, String label) {
        String name = label == null || label.isBlank() ? null : label.strip();
        change(provider, id, (list, i) -> list.set(i, list.get(i).withLabel(name)));
    }

    @Override
    public void setEnabled(ProviderId provider, String id, boolean enabled) {
        change(provider, id, (list, i) -> list.set(i, list.get(i).withEnabled(enabled)));
    }

    @Override
    public void move(ProviderId provider, String id, int index) {
        change(provider, id, (list, i) -> {
            StoredEntry e = list.remove(i);
            list.add(Math.clamp(index, 0, list.size()), e);
        });
    }

    @Override
    public void check() {
        file.read();
    }

    @Override
    public String protection() {
        return protection;
    }

    private interface Edit {
        void apply(List<StoredEntry> list, int index);
    }

    private void change(ProviderId provider, String id, Edit edit) {
        file.update(doc -> {
            List<StoredEntry> list = doc.get(provider);
            int i = indexOf(list, id);
            if (i < 0) {
                throw new VaultException("no " + provider.wireName() + " token with id " + id + " in the vault");
            }
            edit.apply(list, i);
            return doc;
        });
    }

    private static int indexOf(List<StoredEntry> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private VaultEntry resolve(StoredEntry e) {
        SecretStore store = stores.get(e.store());
        if (store == null) {
            return unavailable(e, "its value is kept in " + e.store() + ", which this system can't use");
        }
        try {
            Secret secret = store.get(e.id(), e.secret());
            return new VaultEntry(e.id(), e.provider(), secret, e.label(), e.enabled(), e.addedAt(), null);
        } catch (VaultException ex) {
            return unavailable(e, ex.getMessage());
        }
    }

    private static VaultEntry unavailable(StoredEntry e, String why) {
        return new VaultEntry(e.id(), e.provider(), null, e.label(), e.enabled(), e.addedAt(), why);
    }
}

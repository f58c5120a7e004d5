package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.service.ModelReadiness;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/// One (provider, model) pair the comparison can include: whether it is chosen, and how ready it is
/// (ready tokens, or Hugging Face's public Spaces). FX thread only.
public final class PairChoice {
    private final ModelReadiness readiness;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");

    PairChoice(ModelReadiness readiness, boolean chosen) {
        this.readiness = readiness;
        this.chosen.set(chosen);
    }

    public ProviderId provider() { return readiness.provider(); }
    public String model() { return readiness.model(); }
    public ModelReadiness readiness() { return readiness; }
    public BooleanProperty chosenProperty() { return chosen; }

    public boolean ready() {
        return readiness.ready();
    }

    String key() {
        return readiness.provider().wireName() + "/" + readiness.model();
    }
}

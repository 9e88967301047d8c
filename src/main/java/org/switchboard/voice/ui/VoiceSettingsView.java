package org.switchboard.voice.ui;

import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.UserActions;
import org.switchboard.security.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's microphone and speaker for web calls. Devices belong to the browser, so the choice is
 * kept in this browser (its localStorage), where the softphone reads it; the list comes from the
 * browser too.
 */
@Route("settings/voice")
@Menu(title = "voice.settings.title", icon = "vaadin:headset", order = 940)
@RolesAllowed(Role.AGENT_ROLE)
@JavaScript("context://assets/sb-voice.js")
class VoiceSettingsView extends Main implements HasDynamicTitle {

    /** One audio device as the browser lists it. */
    record Device(String id, String label) {
    }

    /** The browser's devices and the choice stored in it ("" for the system default). */
    record Devices(List<Device> microphones, List<Device> speakers, String microphone, String speaker) {
    }

    /** The system's default device; its label is the bundle's. */
    static final Device DEFAULT = new Device("", "");

    final Select<Device> microphone = new Select<>();
    final Select<Device> speaker = new Select<>();

    VoiceSettingsView() {
        addClassName("settings-view");
        microphone.setLabel(getTranslation("voice.settings.microphone"));
        microphone.setId("voice-microphone");
        speaker.setLabel(getTranslation("voice.settings.speaker"));
        speaker.setId("voice-speaker");
        for (Select<Device> select : List.of(microphone, speaker)) {
            select.setItemLabelGenerator(this::label);
            select.setWidth("24rem");
            select.addValueChangeListener(e -> {
                if (e.isFromClient() && microphone.getValue() != null && speaker.getValue() != null) {
                    getElement().executeJs("window.sbVoiceChoose($0, $1)", microphone.getValue().id(), speaker.getValue().id());
                    UserActions.success("voice.settings.chosen", label(e.getValue()));
                }
            });
        }
        add(new Paragraph(getTranslation("voice.settings.explained")), microphone, speaker);
    }

    private String label(Device device) {
        return device.id().isEmpty() ? getTranslation("voice.settings.system-default") : device.label();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("voice.settings.title") + " | Switchboard";
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        getElement().executeJs("return window.sbVoiceDevices()").then(String.class, this::show);
    }

    void show(String devicesJson) {
        Devices devices = JsonMapper.shared().readValue(devicesJson, Devices.class);
        fill(microphone, devices.microphones(), devices.microphone());
        fill(speaker, devices.speakers(), devices.speaker());
    }

    private static void fill(Select<Device> select, List<Device> devices, String chosen) {
        List<Device> items = new java.util.ArrayList<>(List.of(DEFAULT));
        devices.stream().filter(d -> !d.id().isEmpty() && !d.id().equals("default")).forEach(items::add);
        select.setItems(items);
        select.setValue(items.stream().filter(d -> d.id().equals(chosen)).findFirst().orElse(DEFAULT));
    }
}

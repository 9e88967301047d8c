package org.switchboard.common;

import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.vaadin.flow.component.Component;

/**
 * Who starts something on a page open to anyone (the webchat page, the caller page): the client's address
 * and the browser's own id, which the page keeps in localStorage. Customers behind one company address
 * each have their browser's allowance; the address has a larger one of its own, since a browser id is
 * whatever the client sends.
 */
public record PublicClient(String address, String browser) {

    private static final Pattern BROWSER_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    /** The browser's id, or (none sent, or not one the page makes) its address, which then counts as one browser. */
    public String browserKey() {
        return browser != null && BROWSER_ID.matcher(browser).matches() ? "browser:" + browser : "address:" + address();
    }

    @Override
    public String address() {
        return address == null ? "" : address;
    }

    /**
     * Asks the page for its browser's id, made once and kept in localStorage (the same one for every public
     * page), and hands it over when the browser answers.
     */
    public static void askBrowserId(Component page, Consumer<String> answer) {
        page.getElement().executeJs("""
                let id = localStorage.getItem('switchboard.webchat.browser');
                if (!id) {
                  // getRandomValues, unlike randomUUID, also works on a page served over plain HTTP.
                  id = Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
                  localStorage.setItem('switchboard.webchat.browser', id);
                }
                return id;""").then(String.class, answer::accept);
    }
}

package org.switchboard.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What demo mode creates. Demo mode itself is {@code switchboard.demo} (see {@link DemoModeCondition}).
 *
 * @param apiKey       in demo mode an API key with this value exists, so the API can be called at once; empty for none
 * @param historyWeeks weeks of past contacts generated on the first start in demo mode, so charts and figures have data
 */
@ConfigurationProperties("switchboard.demo")
record DemoProperties(@DefaultValue("sb_demo_switchboard_local_key") String apiKey, @DefaultValue("8") int historyWeeks) {
}

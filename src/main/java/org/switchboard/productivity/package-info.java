/**
 * Personal productivity: an agent's Today's Activity and Week's Activity.
 * {@link org.switchboard.productivity.ProductivityService} is the API; the figures are defined on
 * {@link org.switchboard.productivity.DayActivity}.
 */
package org.switchboard.productivity;

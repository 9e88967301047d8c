package org.switchboard.common;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts {@link TransactionRetry} around every {@code @Transactional} method of the app, outside the
 * transaction itself: only where a transaction starts (no transaction open yet, or a new one is
 * required), so a deadlock anywhere inside runs the whole transaction again, never half of it.
 */
@Configuration(proxyBeanMethods = false)
class TransactionRetryConfiguration {

    /** Infrastructure role, so the same auto-proxy that applies transactions and method security applies this. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor transactionRetryAdvisor(ObjectProvider<TransactionRetry> retry) {
        AnnotationTransactionAttributeSource transactions = new AnnotationTransactionAttributeSource();
        StaticMethodMatcherPointcut transactional = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return targetClass.getName().startsWith("org.switchboard.")
                        && transactions.getTransactionAttribute(method, targetClass) != null;
            }
        };
        MethodInterceptor retrying = invocation -> {
            TransactionAttribute attribute = transactions.getTransactionAttribute(invocation.getMethod(),
                    invocation.getThis() == null ? null : invocation.getThis().getClass());
            boolean startsATransaction = !TransactionSynchronizationManager.isActualTransactionActive()
                    || (attribute != null && attribute.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            if (!startsATransaction) {
                return invocation.proceed();
            }
            String operation = invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
            ProxyMethodInvocation proxied = (ProxyMethodInvocation) invocation;
            return retry.getObject().runThrowing(operation, () -> proxied.invocableClone().proceed());
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional, retrying);
        // Outside the transaction interceptor (lowest precedence), so each attempt is a transaction of its own.
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
